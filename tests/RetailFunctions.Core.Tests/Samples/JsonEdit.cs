using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RetailFunctions.Core.Tests.Samples;

/// <summary>Edits sample bodies for the edge cases the sample files do not cover.</summary>
internal static class JsonEdit
{
    public static JsonObject Load(byte[] utf8Json) => JsonNode.Parse(utf8Json)!.AsObject();

    /// <summary>Sets the field at <paramref name="path"/> (e.g. <c>line_items[2].sku</c>) to raw JSON, or removes it when null.</summary>
    public static JsonObject With(this JsonObject root, string path, string? rawJson)
    {
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate((JsonNode)root, Step);
        var last = segments[^1];
        var value = rawJson is null ? null : JsonNode.Parse(rawJson);

        var bracket = last.IndexOf('[');
        if (bracket >= 0)
        {
            var array = parent[last[..bracket]]!.AsArray();
            var index = Index(last);
            if (value is null)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }

        return root;
    }

    public static byte[] ToUtf8(this JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[');
        return bracket < 0
            ? node[segment]!
            : node[segment[..bracket]]![Index(segment)]!;
    }

    private static int Index(string segment) =>
        int.Parse(segment[(segment.IndexOf('[') + 1)..segment.IndexOf(']')], CultureInfo.InvariantCulture);
}
