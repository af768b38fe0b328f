using System.Reflection;
using System.Text.Json.Nodes;

namespace RetailFunctions.LocalHost.App;

/// <summary>One entry of <c>functions.metadata</c>, resolved to the method it names.</summary>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, IReadOnlyList<JsonObject> Bindings)
{
    // Read once: every invocation consults the trigger and the output bindings.
    public JsonObject Trigger { get; } = Bindings.Single(b => ((string?)b["type"])?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true);

    public string TriggerType => (string)Trigger["type"]!;

    public IReadOnlyList<JsonObject> OutputBindings { get; } = [.. Bindings.Where(b => string.Equals((string?)b["direction"], "Out", StringComparison.OrdinalIgnoreCase))];

    public JsonObject? BindingFor(string parameterName) =>
        Bindings.FirstOrDefault(b => string.Equals((string?)b["name"], parameterName, StringComparison.Ordinal));
}
