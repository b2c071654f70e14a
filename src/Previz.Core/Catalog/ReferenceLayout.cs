namespace Previz.Core.Catalog;

/// <summary>How reference pictures sit in a request body.</summary>
public enum ReferenceLayout
{
    /// <summary>One list of image URLs (<c>image_urls: [...]</c>), objects one after another.</summary>
    UrlList,

    /// <summary>
    /// One entry per object with a frontal picture and further views (Kling 3 on fal:
    /// <c>elements: [{frontal_image_url, reference_image_urls: [...]}]</c>).
    /// </summary>
    Elements,
}
