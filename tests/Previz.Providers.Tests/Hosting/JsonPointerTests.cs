using System.Text.Json.Nodes;
using Previz.Providers.Http;

namespace Previz.Providers.Tests.Hosting;

public sealed class JsonPointerTests
{
    [Fact]
    public void Setting_a_nested_pointer_creates_the_objects_on_the_way()
    {
        var body = new JsonObject { ["prompt"] = "p" };

        JsonPointer.Set(body, "/keyframes/frame0/url", "https://a");
        JsonPointer.Set(body, "/keyframes/frame0/type", "image");

        Assert.Equal("""{"prompt":"p","keyframes":{"frame0":{"url":"https://a","type":"image"}}}""", body.ToJsonString());
    }

    [Fact]
    public void Array_indexes_replace_or_append_but_never_skip()
    {
        var body = new JsonObject { ["keyframes"] = new JsonArray("a") };

        JsonPointer.Set(body, "/keyframes/0", "A");
        JsonPointer.Set(body, "/keyframes/1", "B");
        JsonPointer.Set(body, "/keyframes/-", "C");
        JsonPointer.Set(body, "/refs/0/url", "u");

        Assert.Equal("""{"keyframes":["A","B","C"],"refs":[{"url":"u"}]}""", body.ToJsonString());
        Assert.Throws<ArgumentException>(() => JsonPointer.Set(body, "/keyframes/9", "Z"));
        Assert.Throws<ArgumentException>(() => JsonPointer.Set(body, "image_url", "Z"));
    }

    [Fact]
    public void Escaped_segments_are_decoded()
    {
        var body = new JsonObject();

        JsonPointer.Set(body, "/a~1b/c~0d", 1);

        Assert.Equal("""{"a/b":{"c~d":1}}""", body.ToJsonString());
    }
}
