"""What the MkDocs event modules of hooks/ share: the state of the build in progress."""
