namespace OrleansSweep.Reports.Text;

/// <summary>Vertical placement of a run of label text.</summary>
internal enum TextShift
{
    None,
    Sub,
    Super,
}

/// <summary>A piece of label text with one vertical placement.</summary>
internal readonly record struct TextRun(string Text, TextShift Shift);
