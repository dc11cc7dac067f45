"""QR tasks (扫码任务) of an e-bidding platform: the dialog that shows a scanned task's verified
details and answers it with a stored licence (:mod:`.dialog`; the pool-thread work in :mod:`.jobs`)."""
