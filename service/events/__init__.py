"""Events: meetings and volunteer activities, their reminders, sign-ups and attendance."""
