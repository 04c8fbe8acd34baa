"""The load test behind scripts/loadtest.py, by stage: `workload` (who asks what, and what
the reply must say), `drive` (the bot process, the fake Bot API and the pushing), `judge`
(replies matched to questions) and `report` (the table and the verdicts)."""
