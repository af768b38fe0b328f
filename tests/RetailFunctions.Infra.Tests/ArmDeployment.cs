using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailFunctions.Infra.Tests;

/// <summary>The compiled main template with its modules (nested deployments), flattened for assertions.</summary>
public sealed class ArmDeployment
{
    public ArmDeployment(JsonElement main)
    {
        Main = new ArmTemplate("main", main, Bindings: null);
        var templates = new List<ArmTemplate> { Main };
        foreach (var module in Main.Resources.Where(r => r.Type == "Microsoft.Resources/deployments"))
        {
            var properties = module.Properties;
            templates.Add(new ArmTemplate(module.SymbolicName, properties.GetProperty("template"), properties.GetProperty("parameters")));
        }

        Templates = templates;
    }

    public ArmTemplate Main { get; }

    public IReadOnlyList<ArmTemplate> Templates { get; }

    /// <summary>Resources the deployment creates or updates (references to existing ones left out).</summary>
    public IEnumerable<ArmResource> Resources => Templates.SelectMany(t => t.Resources).Where(r => !r.IsExisting);

    public ArmTemplate Module(string symbolicName) => Templates.Single(t => t.Module == symbolicName);

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"expected exactly one {type}, found {matches.Count}");
        return matches[0];
    }
}

/// <param name="Module">Symbolic name of the module in main.bicep, or "main".</param>
/// <param name="Root">The template.</param>
/// <param name="Bindings">Parameter values main.bicep passes to the module.</param>
public sealed partial record ArmTemplate(string Module, JsonElement Root, JsonElement? Bindings)
{
    public IEnumerable<ArmResource> Resources
    {
        get
        {
            var resources = Root.GetProperty("resources");
            // languageVersion 2.0 (user-defined types) keys resources by symbolic name; 1.0 lists them.
            return resources.ValueKind == JsonValueKind.Object
                ? resources.EnumerateObject().Select(p => new ArmResource(this, p.Name, p.Value))
                : resources.EnumerateArray().Select(r => new ArmResource(this, r.GetProperty("name").GetString()!, r));
        }
    }

    public IEnumerable<JsonProperty> Parameters =>
        Root.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateObject() : [];

    /// <summary>A variable's value; a variable that only points at another (e.g. a loadJsonContent result) is followed.</summary>
    public JsonElement Variable(string name)
    {
        var value = Root.GetProperty("variables").GetProperty(name);
        var alias = value.ValueKind == JsonValueKind.String ? VariableAlias().Match(value.GetString()!) : Match.Empty;
        return alias.Success ? Variable(alias.Groups[1].Value) : value;
    }

    /// <summary>The value main.bicep binds to one of this module's parameters.</summary>
    public JsonElement Binding(string parameter) =>
        (Bindings ?? throw new InvalidOperationException($"{Module} is not a module")).GetProperty(parameter).GetProperty("value");

    /// <summary>Text of an element with every variables('x') reference replaced by the variable's JSON, so role ids held in variables show.</summary>
    public string Expand(JsonElement element)
    {
        var text = element.GetRawText();
        for (var depth = 0; depth < 5 && VariableReference().IsMatch(text); depth++)
        {
            text = VariableReference().Replace(text, m => Root.GetProperty("variables").GetProperty(m.Groups[1].Value).GetRawText());
        }

        return text;
    }

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableAlias();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}

public sealed record ArmResource(ArmTemplate Template, string SymbolicName, JsonElement Element)
{
    public string Type => Element.GetProperty("type").GetString()!;

    public bool IsExisting => Element.TryGetProperty("existing", out var existing) && existing.GetBoolean();

    public JsonElement Properties => Element.GetProperty("properties");

    public string String(string property) => Element.GetProperty(property).GetString()!;

    public override string ToString() => $"{Template.Module}/{SymbolicName} ({Type})";
}
