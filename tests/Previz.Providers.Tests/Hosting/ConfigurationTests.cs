using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Previz.Providers.Configuration;
using Previz.Providers.Errors;
using Previz.Providers.Fal;
using Previz.Providers.Hosting;
using Previz.Providers.Luma;
using Previz.Providers.Runway;

namespace Previz.Providers.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public void Hosts_default_to_the_vendors_documented_apis()
    {
        using var services = new ServiceCollection().AddPrevizProviders(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Equal(new Uri("https://queue.fal.run"), services.GetRequiredService<IOptions<FalOptions>>().Value.QueueUrl);
        Assert.Equal(new Uri("https://rest.fal.ai"), services.GetRequiredService<IOptions<FalOptions>>().Value.StorageUrl);
        Assert.Equal(new Uri("https://api.dev.runwayml.com"), services.GetRequiredService<IOptions<RunwayOptions>>().Value.BaseUrl);
        Assert.Equal("2024-11-06", services.GetRequiredService<IOptions<RunwayOptions>>().Value.ApiVersion);
        Assert.Equal(new Uri("https://agents.lumalabs.ai/v1"), services.GetRequiredService<IOptions<LumaOptions>>().Value.BaseUrl);
        var clients = services.GetRequiredService<HostedVideoClients>();
        Assert.IsType<FalQueueClient>(clients.For(HostedProvider.Fal));
        Assert.IsType<RunwayClient>(clients.For(HostedProvider.Runway));
        Assert.IsType<LumaClient>(clients.For(HostedProvider.Luma));
    }

    [Fact]
    public void Hosts_and_keys_come_from_environment_variables()
    {
        var variables = new Dictionary<string, string?>
        {
            ["Providers__Fal__QueueUrl"] = "http://127.0.0.1:4100/queue",
            ["Providers__Fal__StorageUrl"] = "http://127.0.0.1:4100/rest",
            ["Providers__Runway__BaseUrl"] = "http://127.0.0.1:4200",
            ["Providers__Luma__BaseUrl"] = "http://127.0.0.1:4300/v1",
            ["RUNWAYML_API_SECRET"] = "key_abc",
        };
        var prefix = $"PREVIZ_TEST_{Guid.NewGuid():N}_";
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(prefix + name, value);
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            using var services = new ServiceCollection().AddPrevizProviders(configuration).BuildServiceProvider();

            Assert.Equal(new Uri("http://127.0.0.1:4100/queue"), services.GetRequiredService<IOptions<FalOptions>>().Value.QueueUrl);
            Assert.Equal(new Uri("http://127.0.0.1:4100/rest"), services.GetRequiredService<IOptions<FalOptions>>().Value.StorageUrl);
            Assert.Equal(new Uri("http://127.0.0.1:4200"), services.GetRequiredService<IOptions<RunwayOptions>>().Value.BaseUrl);
            Assert.Equal(new Uri("http://127.0.0.1:4300/v1"), services.GetRequiredService<IOptions<LumaOptions>>().Value.BaseUrl);
            var keys = services.GetRequiredService<ProviderKeys>();
            Assert.True(keys.IsConfigured(HostedProvider.Runway));
            Assert.False(keys.IsConfigured(HostedProvider.Fal));
            Assert.False(keys.IsConfigured(HostedProvider.Luma));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Theory]
    [InlineData(HostedProvider.Fal, "FAL_KEY")]
    [InlineData(HostedProvider.Runway, "RUNWAYML_API_SECRET")]
    [InlineData(HostedProvider.Luma, "LUMA_AGENTS_API_KEY")]
    public async Task A_missing_key_is_a_user_error_naming_the_variable(HostedProvider provider, string variable)
    {
        using var services = new ServiceCollection().AddPrevizProviders(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var client = services.GetRequiredService<HostedVideoClients>().For(provider);

        var error = await Assert.ThrowsAsync<MissingApiKeyException>(() =>
            client.GetStatusAsync(new SubmittedJob(provider, "a/b", "id", DateTimeOffset.UtcNow), CancellationToken.None));

        Assert.IsAssignableFrom<Previz.Core.UserErrorException>(error);
        Assert.Equal(variable, error.VariableName);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }
}
