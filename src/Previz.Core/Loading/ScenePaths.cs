namespace Previz.Core.Loading;

/// <summary>Rules for file paths inside a scene: relative to the scene file and never outside its folder.</summary>
public static class ScenePaths
{
    /// <summary>Null when the path is acceptable, else the reason it is not.</summary>
    public static string? Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "path must not be empty";
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return "path contains a NUL character";
        }

        var normalised = path.Replace('\\', '/');
        if (normalised.StartsWith('/') || (normalised.Length > 1 && normalised[1] == ':') || normalised.Contains("://", StringComparison.Ordinal))
        {
            return $"\"{JsonFields.Clip(path)}\" must be relative to the scene file";
        }

        var depth = 0;
        foreach (var part in normalised.Split('/'))
        {
            if (part == "..")
            {
                depth--;
                if (depth < 0)
                {
                    return $"\"{JsonFields.Clip(path)}\" points outside the scene's folder";
                }
            }
            else if (part is not ("" or "."))
            {
                depth++;
            }
        }

        return null;
    }
}
