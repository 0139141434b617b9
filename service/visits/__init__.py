"""党员包户 (issue #15): households that need regular visits, the member who visits each, the
reminders when a visit is due or overdue, and the visits members report in chat.

Domain code only: no chat library, no HTTP. `messages.py` is the one place that turns outcomes
into Chinese text."""
