"""The people-to-people work on a tie: activities with their participants and files, gifts,
contacts and the Sister Cities International membership (dialogs and table models)."""
