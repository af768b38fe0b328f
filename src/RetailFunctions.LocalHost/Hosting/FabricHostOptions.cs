namespace RetailFunctions.LocalHost.Hosting;

internal sealed record FabricHostOptions(string AppDirectory, int Port, string? SettingsFile, string[] Args)
{
    public const string Usage = "usage: RetailFunctions.LocalHost --app <function app build folder> [--port 7071] [--settings local.settings.json]";

    public static FabricHostOptions Parse(string[] args)
    {
        string? app = null, settings = null;
        var port = 7071;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--app" when i + 1 < args.Length:
                    app = args[++i];
                    break;
                case "--port" when i + 1 < args.Length:
                    port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--settings" when i + 1 < args.Length:
                    settings = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new FabricHostOptions(app ?? throw new ArgumentException(Usage), port, settings, rest.ToArray());
    }
}
