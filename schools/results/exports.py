"""Result rows as flat columns, the same for the API's CSV and the dashboard's exports."""


def flat_row(row):
    """One result row as flat columns (counts_1, percentages_1, ...), for CSV and XLSX."""
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{inner}": item for inner, item in value.items()})
        else:
            flat[key] = value
    return flat


def flat_columns(rows):
    """The columns of these rows once flattened, in the order they first appear."""
    return list(dict.fromkeys(name for row in rows for name in flat_row(row)))
