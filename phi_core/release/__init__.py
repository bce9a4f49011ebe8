"""The release decision: from the department's archive to a report a privacy committee can defend.

``layout`` and ``kinds`` find document kinds; ``sampling`` streams an archive
with deid's stream readers and draws a stratified sample; ``service`` stores it pre-annotated;
``bounds`` and ``verdict`` (pure) judge a pipeline with one-sided 95% bounds;
``evidence`` reads what they need from the store; ``report`` and ``pdf``
write the committee's report; ``versions`` says exactly what produced it.
"""
