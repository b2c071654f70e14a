namespace Previz.Core.Catalog;

/// <summary>Whether a model makes a soundtrack.</summary>
public enum AudioSupport
{
    /// <summary>Silent video only.</summary>
    None,

    /// <summary>Always generates sound; it cannot be switched off.</summary>
    Native,

    /// <summary>Generates sound when asked (a request flag such as <c>generate_audio</c>).</summary>
    Optional,
}
