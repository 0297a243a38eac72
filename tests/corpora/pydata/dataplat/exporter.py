"""CSV export helpers."""
import pandas as pd

from runtime.store import memory_frame


def export_csv(frame: pd.DataFrame, path: str) -> None:
    frame.to_csv(path, index=False)


def memories_csv(engine, path: str) -> None:
    export_csv(memory_frame(engine), path)
