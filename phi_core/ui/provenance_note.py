"""A plain notice when the figures on a page rest only on data the project generated."""

from __future__ import annotations

import streamlit as st

from phi_core.corpus.provenance import GENERATED
from phi_core.ui.i18n import tr


def generated_only_message(provenance: str | None) -> str | None:
    """The notice for a dataset of this provenance, or None when none is needed."""
    if provenance != GENERATED:
        return None
    return tr(
        "These figures rest only on documents the project generated itself. They show how well the extractors "
        "remember the generator, not how they do on documents written elsewhere: measure on a dataset written "
        "independently (the blind-dev and blind-final sets) or on your own imported documents "
        "before trusting them.",
        "この数値はプロジェクト自身が生成した文書だけに基づいています。抽出器が生成器をどれだけ覚えているかを示すもので、"
        "他所で書かれた文書での性能ではありません。信頼する前に、独立に作成されたデータセット"
        "（blind-dev と blind-final の各セット）"
        "または取り込んだ実際の文書で測ってください。",
    )


def provenance_notice(store, dataset: str) -> None:
    message = generated_only_message(store.dataset_provenance(dataset))
    if message:
        st.info(message, icon=":material/science:")
