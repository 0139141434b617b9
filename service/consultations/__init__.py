"""一事一议 (issue #15): the month's most-raised problems, consultations opened by staff, votes
by residents of the addressed groups, the published result and the decision staff post."""
