namespace Cartesia.Datasets;

/// <summary>Well-known purposes of a dataset file (<c>purpose</c>).</summary>
public static class DatasetFilePurpose
{
    /// <summary><c>fine_tune</c>: audio to fine-tune on.</summary>
    public const string FineTune = "fine_tune";
}
