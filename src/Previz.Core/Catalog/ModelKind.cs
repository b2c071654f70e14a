namespace Previz.Core.Catalog;

/// <summary>What a model produces.</summary>
public enum ModelKind
{
    Video,
    Image,
}
