// The demo, SLA and retry tests each start a fabric host; on the one Azurite that scripts/test.sh shares, two hosts
// would take each other's queue messages, so the classes of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
