namespace Previz.Studio.Planning;

/// <summary>Which environment variable holds a model's key and whether it is set (never the key).</summary>
public sealed record ApiKeyStatus(string Variable, bool Configured);
