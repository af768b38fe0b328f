using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RetailFunctions.LocalHost.FixtureApp;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
FunctionAppStartup.Configure(builder);
builder.Build().Run();
