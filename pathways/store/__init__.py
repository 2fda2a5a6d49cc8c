"""The editable registry: the live instance on disk and everything that changes it.

- `live`: the instance folder, its registry and accounts, and saving a change.
- `edits`: planning a create, edit or retire of one record; `revert`: undoing a change.
- `versions`: records as written, their ETags and diffs; `history`: the change log in git.
- `git`: the git repository of the instance; `atomic`: files replaced whole, under a lock.
- `accounts`: users, passwords and tokens; `access`: who may change which record;
  `useradmin`: account changes recorded in the history.
- `journal` and `recovery`: commit or nothing, and finishing what a crash interrupted.
- `writerate`: changes per account; `reports`: error reports from the public.
"""
