// One Kestrel host at a time: WebApplicationFactory<Program> hooks the app's start through process-wide diagnostics,
// and two factories starting Kestrel together can catch each other's server (and the machine has two cores anyway).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
