using RetailFunctions.Simulators;

await SimulatorApp.Create(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }).RunAsync();
