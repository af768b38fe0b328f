using System.Text;
using System.Text.RegularExpressions;

namespace RetailFunctions.LocalHost.Blobs;

/// <summary>
/// A blob trigger path such as <c>settlements/{channel}/{name}</c>: the container, the literal prefix to list by,
/// and the named tokens a blob name yields. A token matches one path segment, the last token the rest of the name.
/// </summary>
internal sealed class BlobPathPattern
{
    private readonly Regex _regex;

    public BlobPathPattern(string path)
    {
        var slash = path.IndexOf('/');
        Container = slash < 0 ? path : path[..slash];
        var namePattern = slash < 0 ? "{name}" : path[(slash + 1)..];
        var tokenStart = namePattern.IndexOf('{');
        Prefix = tokenStart < 0 ? namePattern : namePattern[..tokenStart];

        var regex = new StringBuilder("^");
        var parts = Regex.Split(namePattern, @"(\{[^}]+\})");
        var lastToken = Array.FindLastIndex(parts, p => p.StartsWith('{'));
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('{'))
            {
                var name = part[1..^1];
                regex.Append("(?<").Append(name).Append(i == lastToken ? ">.+)" : ">[^/]+)");
            }
            else
            {
                regex.Append(Regex.Escape(part));
            }
        }

        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    public string Container { get; }

    public string Prefix { get; }

    public IReadOnlyDictionary<string, object?>? Match(string blobName)
    {
        var match = _regex.Match(blobName);
        if (!match.Success)
        {
            return null;
        }

        var tokens = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in _regex.GetGroupNames().Where(g => !int.TryParse(g, out _)))
        {
            tokens[group] = match.Groups[group].Value;
        }

        return tokens;
    }
}
