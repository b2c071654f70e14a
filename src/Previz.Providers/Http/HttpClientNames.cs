namespace Previz.Providers.Http;

/// <summary>Named HttpClients registered by <c>AddPrevizProviders</c>.</summary>
internal static class HttpClientNames
{
    /// <summary>Status, result JSON, upload and cancel calls: retried.</summary>
    public const string Api = "Previz.Providers.Api";

    /// <summary>Submits: only a definitive 429 rejection is retried.</summary>
    public const string Submit = "Previz.Providers.Submit";

    /// <summary>Result media downloads from vendor CDNs: retried, never given credentials.</summary>
    public const string Media = "Previz.Providers.Media";
}
