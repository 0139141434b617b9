"""Members and their engagement (issue #14): 在职党员报到 (registration), posts (设岗定责), the
points ledger (积分制), and the monthly bulletin and quarterly ranking.

Domain code only: no chat library, no HTTP. Flows return outcomes; `messages.py` is the one
place that turns them into Chinese text."""
