using System.Text;

namespace RetailFunctions.Core.Storage;

/// <summary>
/// Makes external identifiers safe as Table keys and blob name segments. Reversible percent-encoding,
/// so two different ids never collide.
/// </summary>
public static class StorageKey
{
    public static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '\'' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
