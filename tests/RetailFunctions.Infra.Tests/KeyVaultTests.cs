namespace RetailFunctions.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class KeyVaultTests(CompiledTemplateFixture fixture)
{
    private readonly ArmDeployment deployment = fixture.Deployment;

    [Fact]
    public void Vault_rbacSoftDeleteAndPurgeProtection()
    {
        var vault = deployment.Single("Microsoft.KeyVault/vaults").Properties;

        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
    }

    [Fact]
    public void SecureParameters_onlyReachTheVault()
    {
        var secureParameters = deployment.Main.Parameters
            .Where(p => p.Value.TryGetProperty("type", out var type) && type.GetString() is "securestring" or "secureObject")
            .Select(p => $"parameters('{p.Name}')")
            .ToList();

        Assert.Equal(9, secureParameters.Count);
        foreach (var module in deployment.Templates.Where(t => t.Module != "main"))
        {
            var bindings = module.Bindings!.Value.GetRawText();
            var leaked = secureParameters.Where(bindings.Contains).ToList();
            Assert.True(module.Module == "keyVault" || leaked.Count == 0, $"{module.Module} receives {string.Join(", ", leaked)}");
        }

        var outputs = deployment.Main.Root.GetProperty("outputs").GetRawText();
        Assert.DoesNotContain(secureParameters, outputs.Contains);
        Assert.Equal("secureObject", deployment.Module("keyVault").Root.GetProperty("parameters").GetProperty("secretValues").GetProperty("type").GetString());
    }
}
