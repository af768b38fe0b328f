using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;

namespace RetailFunctions.LocalHost.App;

/// <summary>
/// A built function app: its folder, the functions its <c>functions.metadata</c> lists, and its
/// <c>FunctionAppStartup.Configure(IHostApplicationBuilder)</c>, which registers the app's services.
/// </summary>
public sealed class FunctionApp
{
    public const string StartupTypeName = "FunctionAppStartup";

    private FunctionApp(string directory, IReadOnlyList<FunctionDescriptor> functions, Action<IHostApplicationBuilder> configure)
    {
        Directory = directory;
        Functions = functions;
        Configure = configure;
    }

    public string Directory { get; }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public Action<IHostApplicationBuilder> Configure { get; }

    public static FunctionApp Load(string directory)
    {
        directory = Path.GetFullPath(directory);
        var metadataPath = Path.Combine(directory, "functions.metadata");
        if (!File.Exists(metadataPath))
        {
            throw new FileNotFoundException($"No functions.metadata in '{directory}'. Build the function app first.", metadataPath);
        }

        var entries = JsonNode.Parse(File.ReadAllText(metadataPath))!.AsArray();
        var assemblies = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        var functions = new List<FunctionDescriptor>();
        foreach (var entry in entries.Select(e => e!.AsObject()))
        {
            var scriptFile = (string)entry["scriptFile"]!;
            if (!assemblies.TryGetValue(scriptFile, out var assembly))
            {
                assembly = LoadAssembly(Path.Combine(directory, scriptFile));
                assemblies[scriptFile] = assembly;
            }

            var entryPoint = (string)entry["entryPoint"]!;
            var split = entryPoint.LastIndexOf('.');
            var type = assembly.GetType(entryPoint[..split], throwOnError: true)!;
            var method = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
                .Single(m => m.Name == entryPoint[(split + 1)..] && HasFunctionName(m, (string)entry["name"]!));
            var bindings = entry["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList();
            functions.Add(new FunctionDescriptor((string)entry["name"]!, method, bindings));
        }

        return new FunctionApp(directory, functions, FindStartup(assemblies.Values));
    }

    private static bool HasFunctionName(MethodInfo method, string name) =>
        method.GetCustomAttributes().Any(a => a.GetType().Name == "FunctionAttribute" && (string?)a.GetType().GetProperty("Name")?.GetValue(a) == name);

    private static Assembly LoadAssembly(string path)
    {
        // Dependencies the host already has (worker, Durable Task, Azure SDK) are shared so that types
        // match across the boundary; the rest come from the app's own folder through its deps.json.
        var resolver = new AssemblyDependencyResolver(path);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            resolver.ResolveAssemblyToPath(name) is { } resolved ? context.LoadFromAssemblyPath(resolved) : null;
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    private static Action<IHostApplicationBuilder> FindStartup(IEnumerable<Assembly> assemblies)
    {
        var configure = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name == StartupTypeName)
            .Select(t => t.GetMethod("Configure", BindingFlags.Public | BindingFlags.Static, [typeof(IHostApplicationBuilder)]))
            .SingleOrDefault(m => m is not null);
        return configure is null
            ? _ => { }
            : builder => configure.Invoke(null, [builder]);
    }
}
