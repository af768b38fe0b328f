namespace RetailFunctions.IntegrationTests.Hosting;

/// <summary>Locates the repository and the build outputs of the same configuration as this test assembly.</summary>
internal static class RepoPaths
{
    public static readonly string Root = FindRoot();

    public static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string LocalHostDll => Path.Combine(Root, "src", "RetailFunctions.LocalHost", "bin", Configuration, "net10.0", "RetailFunctions.LocalHost.dll");

    public static string SimulatorsDll => Path.Combine(Root, "src", "RetailFunctions.Simulators", "bin", Configuration, "net10.0", "RetailFunctions.Simulators.dll");

    public static string FunctionApp => Path.Combine(Root, "functions", "RetailFunctions.Functions", "bin", Configuration, "net10.0");

    public static string FixtureApp => Path.Combine(Root, "tests", "RetailFunctions.LocalHost.FixtureApp", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetailFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RetailFunctions.sln not found above the test output folder.");
    }
}
