namespace Previz.Core.Catalog;

/// <summary>Which of Direct Render's passes a vendor wants as its guide video (its documentation says which).</summary>
public enum GuidePass
{
    /// <summary>Distance as grey, for depth-controlled models.</summary>
    Depth,

    /// <summary>The shaded pass, for models that restyle a clip and keep its motion.</summary>
    Shaded,

    /// <summary>The wireframe pass (edges), for line/edge-controlled models.</summary>
    Wireframe,
}
