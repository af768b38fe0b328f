using System.Globalization;

namespace RetailFunctions.Core.Inventory;

/// <summary>The catalogue local runs start with (DESIGN §3): SKU-1000 … SKU-3999, 100 units each at DC1.</summary>
public static class SampleCatalogue
{
    public const string SeedLocation = "DC1";
    public const int OnHand = 100;

    public static IEnumerable<string> Skus() =>
        Enumerable.Range(1000, 3000).Select(n => string.Create(CultureInfo.InvariantCulture, $"SKU-{n}"));
}
