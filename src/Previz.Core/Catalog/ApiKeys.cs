namespace Previz.Core.Catalog;

/// <summary>Whether a model's key is configured, read through a lookup so Core never touches the environment itself.</summary>
public static class ApiKeys
{
    /// <summary>
    /// True when the model needs no key or <paramref name="lookup"/> returns a non-blank value for its variable (a
    /// section variable such as <c>Providers__ComfyUI__Url</c> is also looked up as configuration spells it, with colons).
    /// </summary>
    public static bool IsKeySet(ModelEntry model, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lookup);
        return model.ApiKeyVariable is not { } name
            || !string.IsNullOrWhiteSpace(lookup(name))
            || (name.Contains("__", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(lookup(name.Replace("__", ":", StringComparison.Ordinal))));
    }

    /// <summary>"needs FAL_KEY" style text for a model whose key is missing, or null when it can start.</summary>
    public static string? MissingKeyMessage(ModelEntry model, Func<string, string?> lookup) =>
        IsKeySet(model, lookup) ? null : $"{model.DisplayName} needs the environment variable {model.ApiKeyVariable} to be set.";
}
