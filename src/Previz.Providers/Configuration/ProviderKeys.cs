using Microsoft.Extensions.Configuration;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;

namespace Previz.Providers.Configuration;

/// <summary>
/// The vendors' API keys, read from configuration (environment variables <c>FAL_KEY</c>, <c>RUNWAYML_API_SECRET</c>,
/// <c>LUMA_AGENTS_API_KEY</c>) each time they are needed, so a key set later is picked up and a missing key fails only the
/// models that need it.
/// </summary>
public sealed class ProviderKeys
{
    private readonly IConfiguration _configuration;

    /// <summary>Reads keys from <paramref name="configuration"/>.</summary>
    public ProviderKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    /// <summary>The variable that holds a vendor's key.</summary>
    public static string VariableName(HostedProvider provider) => provider switch
    {
        // fal-js and fal's docs read FAL_KEY (https://docs.fal.ai, "Setup your API Key").
        HostedProvider.Fal => "FAL_KEY",
        // runwayml/sdk-python src/runwayml/_client.py reads RUNWAYML_API_SECRET.
        HostedProvider.Runway => "RUNWAYML_API_SECRET",
        // lumalabs/luma-agents-python@38837df src/luma_agents/_client.py reads LUMA_AGENTS_API_KEY (the legacy Dream Machine
        // SDK's LUMAAI_API_KEY is not read: the catalog, the CLI and the studio name one variable per model).
        HostedProvider.Luma => "LUMA_AGENTS_API_KEY",
        // No key: what a ComfyUI model needs is the server's address (ComfyUIOptions.Url), not a secret.
        HostedProvider.ComfyUI => "Providers__ComfyUI__Url",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Whether the vendor's key is set (models without it are listed as needing it); for ComfyUI, its address.</summary>
    public bool IsConfigured(HostedProvider provider) => !string.IsNullOrWhiteSpace(_configuration[SettingKey(provider)]);

    /// <summary>The key, or a <see cref="MissingApiKeyException"/> naming the variable.</summary>
    internal string GetRequired(HostedProvider provider)
    {
        var name = VariableName(provider);
        var value = _configuration[SettingKey(provider)];
        return string.IsNullOrWhiteSpace(value) ? throw new MissingApiKeyException(provider, name) : value.Trim();
    }

    /// <summary>The configuration key read: the variable itself, or the ComfyUI section's address (an environment variable with __ arrives with colons).</summary>
    private static string SettingKey(HostedProvider provider) => provider == HostedProvider.ComfyUI ? "Providers:ComfyUI:Url" : VariableName(provider);

    /// <summary>Replaces every configured key found in <paramref name="text"/> (vendor text can echo anything).</summary>
    internal string Redact(string text)
    {
        foreach (var provider in Enum.GetValues<HostedProvider>().Where(p => p != HostedProvider.ComfyUI))
        {
            var key = _configuration[VariableName(provider)]?.Trim();
            if (!string.IsNullOrEmpty(key) && key.Length >= 4)
            {
                text = text.Replace(key, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
