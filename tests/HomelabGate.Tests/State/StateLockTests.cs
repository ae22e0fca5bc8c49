using HomelabGate.Core.State;

namespace HomelabGate.Tests.State;

public sealed class StateLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_second_holder_is_told_no_and_can_read_who_holds_it()
    {
        using var first = StateLock.TryAcquire(_dir, "admin=127.0.0.1:9180\n");
        Assert.NotNull(first);
        Assert.Null(StateLock.TryAcquire(_dir, "admin=other\n"));
        Assert.Equal("admin=127.0.0.1:9180\n", StateLock.ReadHolder(_dir));
    }

    [Fact]
    public void The_lock_is_free_again_once_released()
    {
        StateLock.TryAcquire(_dir, "one")!.Dispose();
        using var second = StateLock.TryAcquire(_dir, "two");
        Assert.NotNull(second);
    }
}
