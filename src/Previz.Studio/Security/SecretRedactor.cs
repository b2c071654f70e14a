using Microsoft.Extensions.Configuration;
using Previz.Providers.Configuration;
using Previz.Providers.Hosting;

namespace Previz.Studio.Security;

/// <summary>
/// Removes configured vendor keys and the access token from text before it is stored, returned or logged (a second
/// line of defence: the vendor clients already keep keys out of their messages).
/// </summary>
public sealed class SecretRedactor
{
    private readonly string[] _secrets;

    public SecretRedactor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = Enum.GetValues<HostedProvider>().Select(ProviderKeys.VariableName).Append("GEMINI_API_KEY").Append("PREVIZ_TOKEN");
        _secrets = [.. names.Select(n => configuration[n]?.Trim()).Where(v => !string.IsNullOrEmpty(v) && v.Length >= 4).Cast<string>().Distinct()];
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        return text;
    }
}
