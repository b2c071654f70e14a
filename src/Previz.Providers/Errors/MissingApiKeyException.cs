using Previz.Core;
using Previz.Providers.Hosting;

namespace Previz.Providers.Errors;

/// <summary>A vendor's API key is not configured; the message names the variable to set.</summary>
public sealed class MissingApiKeyException : UserErrorException
{
    /// <summary>Creates the exception for <paramref name="provider"/>, whose key lives in <paramref name="variableName"/>.</summary>
    public MissingApiKeyException(HostedProvider provider, string variableName)
        : base(provider == HostedProvider.ComfyUI
            ? $"ComfyUI models run on your own ComfyUI server: set the environment variable {variableName} to its address (e.g. http://127.0.0.1:8188)."
            : $"{VendorNames.Of(provider)} needs an API key: set the environment variable {variableName}.")
    {
        Provider = provider;
        VariableName = variableName;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public MissingApiKeyException()
        : this("An API key is missing.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public MissingApiKeyException(string message)
        : base(message)
    {
        VariableName = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MissingApiKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
        VariableName = string.Empty;
    }

    /// <summary>The vendor.</summary>
    public HostedProvider Provider { get; }

    /// <summary>The environment variable (configuration key) that holds the key, e.g. <c>FAL_KEY</c>.</summary>
    public string VariableName { get; }
}
