using Microsoft.EntityFrameworkCore;

namespace Previz.Studio.Persistence;

/// <summary>
/// The studio's records. The model is provider-neutral; <see cref="SqliteStudioDbContext"/> and
/// <see cref="PostgresStudioDbContext"/> each carry their own migrations, generated with <c>dotnet ef</c>.
/// </summary>
public abstract class StudioDbContext : DbContext
{
    protected StudioDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SceneRecord> Scenes => Set<SceneRecord>();

    public DbSet<GenerationRecord> Generations => Set<GenerationRecord>();

    public DbSet<GalleryItem> GalleryItems => Set<GalleryItem>();

    public DbSet<GenerationChange> GenerationChanges => Set<GenerationChange>();

    public DbSet<SequenceRecord> Sequences => Set<SequenceRecord>();

    public DbSet<SequenceTakeRecord> SequenceTakes => Set<SequenceTakeRecord>();

    public DbSet<SoundCueRecord> SoundCues => Set<SoundCueRecord>();

    public DbSet<ReviewLink> ReviewLinks => Set<ReviewLink>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SceneRecord>(scene =>
        {
            scene.ToTable("scenes");
            scene.HasKey(s => s.Id);
            scene.Property(s => s.Name).HasMaxLength(200);
            scene.Property(s => s.OriginalFileName).HasMaxLength(260);
            scene.Property(s => s.Format).HasMaxLength(20);
            scene.Property(s => s.ContentHash).HasMaxLength(64);
            scene.Property(s => s.StoredPath).HasMaxLength(400);
            scene.HasIndex(s => s.ContentHash);
            scene.HasIndex(s => new { s.Name, s.Version }).IsUnique();
        });
        modelBuilder.Entity<GenerationRecord>(generation =>
        {
            generation.ToTable("generations");
            generation.HasKey(g => g.Id);
            generation.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
            generation.Property(g => g.State).HasConversion<string>().HasMaxLength(20);
            generation.Property(g => g.ShotId).HasMaxLength(200);
            generation.Property(g => g.Mode).HasMaxLength(60);
            generation.Property(g => g.ModelId).HasMaxLength(120);
            generation.Property(g => g.SceneHash).HasMaxLength(64);
            generation.Property(g => g.SceneName).HasMaxLength(200);
            generation.Property(g => g.VendorRequestId).HasMaxLength(200);
            generation.Property(g => g.IdempotencyKey).HasMaxLength(100);
            generation.Property(g => g.LeaseOwner).HasMaxLength(200);
            // Money to the millionth of a dollar: vendors price per second in fractions of a cent.
            generation.Property(g => g.EstimatedCostUsd).HasPrecision(18, 6);
            generation.Property(g => g.BilledCostUsd).HasPrecision(18, 6);
            generation.Property(g => g.ErrorCategory).HasMaxLength(60);
            generation.Property(g => g.BilledCostSource).HasMaxLength(200);
            generation.Property(g => g.Revision).IsConcurrencyToken();
            generation.HasIndex(g => g.State);
            generation.HasIndex(g => g.CreatedAt);
            generation.HasIndex(g => g.BatchId);
        });
        modelBuilder.Entity<GenerationChange>(change =>
        {
            change.ToTable("generation_changes");
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedOnAdd();
            change.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            change.HasIndex(c => c.At);
        });
        modelBuilder.Entity<GalleryItem>(item =>
        {
            item.ToTable("gallery_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.MediaHash).HasMaxLength(64);
            item.Property(i => i.MediaPath).HasMaxLength(400);
            item.Property(i => i.PosterPath).HasMaxLength(400);
            item.Property(i => i.ContentType).HasMaxLength(100);
            item.Property(i => i.DownloadName).HasMaxLength(260);
            item.HasIndex(i => i.GenerationId).IsUnique();
            item.HasIndex(i => i.CreatedAt);
        });
        ConfigureSequences(modelBuilder);
        ConfigureReviews(modelBuilder);
    }

    private static void ConfigureSequences(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SequenceRecord>(sequence =>
        {
            sequence.ToTable("sequences");
            sequence.HasKey(s => s.Id);
            sequence.Property(s => s.SceneName).HasMaxLength(200);
            sequence.HasIndex(s => s.SceneName).IsUnique();
        });
        modelBuilder.Entity<SequenceTakeRecord>(take =>
        {
            take.ToTable("sequence_takes");
            take.HasKey(t => t.Id);
            take.Property(t => t.ShotId).HasMaxLength(200);
            take.HasOne<SequenceRecord>().WithMany().HasForeignKey(t => t.SequenceId).OnDelete(DeleteBehavior.Cascade);
            take.HasIndex(t => new { t.SequenceId, t.ShotId }).IsUnique();
        });
        modelBuilder.Entity<SoundCueRecord>(cue =>
        {
            cue.ToTable("sound_cues");
            cue.HasKey(c => c.Id);
            cue.Property(c => c.Name).HasMaxLength(200);
            cue.Property(c => c.MediaPath).HasMaxLength(400);
            cue.Property(c => c.ContentType).HasMaxLength(100);
            cue.HasOne<SequenceRecord>().WithMany().HasForeignKey(c => c.SequenceId).OnDelete(DeleteBehavior.Cascade);
            cue.HasIndex(c => c.SequenceId);
        });
    }

    private static void ConfigureReviews(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReviewLink>(link =>
        {
            link.ToTable("review_links");
            link.HasKey(l => l.Id);
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.Property(l => l.Title).HasMaxLength(300);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => l.SequenceId);
            link.HasIndex(l => l.GalleryItemId);
        });
        modelBuilder.Entity<ReviewComment>(comment =>
        {
            comment.ToTable("review_comments");
            comment.HasKey(c => c.Id);
            comment.Property(c => c.Author).HasMaxLength(ReviewLimits.AuthorLength);
            comment.Property(c => c.Text).HasMaxLength(ReviewLimits.TextLength);
            comment.HasOne<ReviewLink>().WithMany().HasForeignKey(c => c.ReviewLinkId).OnDelete(DeleteBehavior.Cascade);
            comment.HasIndex(c => new { c.ReviewLinkId, c.CreatedAt });
        });
    }
}
