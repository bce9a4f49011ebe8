"""The release decision: from the department's archive to a report a privacy committee can defend.

``archive`` streams an archive; ``layout`` and ``kinds`` find document kinds;
``sampling`` draws a stratified sample; ``service`` stores it pre-annotated;
``bounds`` and ``verdict`` (pure) judge a pipeline with one-sided 95% bounds;
``evidence`` reads what they need from the store; ``report`` and ``pdf``
write the committee's report; ``versions`` says exactly what produced it.
"""
