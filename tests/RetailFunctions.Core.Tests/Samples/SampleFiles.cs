namespace RetailFunctions.Core.Tests.Samples;

internal static class SampleFiles
{
    public static byte[] Read(params string[] relativePath) =>
        File.ReadAllBytes(Path.Combine([AppContext.BaseDirectory, "Samples", .. relativePath]));

    public static byte[] Shopify(string fileName) => Read("Shopify", fileName);

    public static byte[] Amazon(string fileName) => Read("Amazon", fileName);

    public static byte[] Walmart(string fileName) => Read("Walmart", fileName);

    public static byte[] Pos(string fileName) => Read("Pos", fileName);

    public static byte[] Shipments(string fileName) => Read("Shipments", fileName);

    public static byte[] Settlement(string channel, string fileName) => Read("Settlements", channel, fileName);
}
