"""回音壁 (issue #15): a weekly digest of each building's tickets for its resident groups, likes
(`#12 点赞`), tickets held out by staff (`#12 不公示 原因`) and the same wall on the dashboard.

- config.py: config/wall.yaml (day and time, lengths, the words that are never shown)
- privacy.py: the one place a staff note or a summary is made fit for a resident group
- digest.py: what a building's week holds (read side, shared by the chat digest and the page)
- flows.py: likes and holds (the chat commands)
- jobs.py: the weekly job, once per group and week (table wall_digests)"""
