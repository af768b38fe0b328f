using RetailFunctions.LocalHost.Hosting;

var web = FabricHost.Build(FabricHostOptions.Parse(args));
await web.RunAsync();
