"""Plain Python rules of the commission's work: no Qt, no SQL, nothing of ours imported."""
