//! Items in an embedded SQLite database (rusqlite, bundled: nothing to install).

use std::sync::{Mutex, MutexGuard, PoisonError};

use rusqlite::{Connection, ErrorCode, OptionalExtension as _, params};
use serde::{Deserialize, Serialize};
use status_core::Violation;

use crate::error::DemoError;

/// Longest accepted item name, in characters.
pub const MAX_NAME: usize = 100;
/// Longest accepted description, in characters.
pub const MAX_DESCRIPTION: usize = 1000;

/// An item as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Assigned by the database.
    pub id: i64,
    /// Unique across items.
    pub name: String,
    /// Free text.
    pub description: String,
    /// Incremented by every update; the ETag is derived from it.
    pub version: i64,
}

impl Item {
    /// The strong validator of this version of the item.
    pub fn etag(&self) -> String {
        format!("\"{}-{}\"", self.id, self.version)
    }
}

/// A client's `If-Match`: the value as sent, and whether it matches an ETag
/// (the HTTP side decides; the store only asks).
pub struct Precondition<'a> {
    /// The `If-Match` value as sent, for the 412's detail.
    pub given: &'a str,
    /// Whether the value matches this current ETag.
    pub matches: &'a dyn Fn(&str) -> bool,
}

/// What a client sends to create or replace an item.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewItem {
    /// Required, 1 to [`MAX_NAME`] characters after trimming, no control
    /// characters.
    pub name: String,
    /// Optional, up to [`MAX_DESCRIPTION`] characters; of the control
    /// characters only tab, line feed and carriage return.
    #[serde(default)]
    pub description: String,
}

impl NewItem {
    /// Checks the content; a failure is a 422.
    ///
    /// # Errors
    ///
    /// [`DemoError::Validation`] listing every failing member.
    pub fn validate(self) -> Result<NewItem, DemoError> {
        let NewItem { name, description } = self;
        let name = name.trim().to_owned();
        let mut violations = Vec::new();
        if name.is_empty() {
            violations.push(Violation::at(["name"], "`name` must not be empty"));
        }
        // Data, not control: a NUL or an escape sequence in a name would
        // reach every page, log and export that shows it.
        if let Some(control) = name.chars().find(|c| c.is_control()) {
            violations.push(Violation::at(
                ["name"],
                format!(
                    "`name` must not contain control characters, such as U+{:04X}",
                    u32::from(control)
                ),
            ));
        }
        if let Some(control) = description
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            violations.push(Violation::at(
                ["description"],
                format!(
                    "`description` must not contain control characters other than tab and line breaks, such as U+{:04X}",
                    u32::from(control)
                ),
            ));
        }
        if name.chars().count() > MAX_NAME {
            violations.push(Violation::at(
                ["name"],
                format!("`name` is longer than {MAX_NAME} characters"),
            ));
        }
        if description.chars().count() > MAX_DESCRIPTION {
            violations.push(Violation::at(
                ["description"],
                format!("`description` is longer than {MAX_DESCRIPTION} characters"),
            ));
        }
        if violations.is_empty() {
            Ok(NewItem { name, description })
        } else {
            Err(DemoError::Validation(violations))
        }
    }
}

/// The item store. One connection behind a mutex: SQLite serializes writes
/// anyway, and the demo's queries are short.
pub struct Store {
    connection: Mutex<Connection>,
}

impl Store {
    /// Opens (or creates) the database at `path`; `:memory:` keeps it in memory.
    ///
    /// A file database runs in WAL mode with `synchronous = FULL`: a write
    /// the API acknowledged (a 201, a 200 to a `PUT`) has been committed and
    /// the WAL synced to disk, so it survives the process being killed and
    /// the machine losing power; a write cut off before its commit leaves
    /// nothing behind. `NORMAL`, the usual pairing with WAL, syncs only at
    /// checkpoints: still safe when the process dies, but a power cut could
    /// lose the last acknowledged writes, and an acknowledgement is a
    /// promise. WAL rather than the rollback journal because a commit then
    /// costs one append and one sync instead of writing the pages twice.
    /// `tests/e2e_crash.rs` kills the demo mid-burst and checks.
    ///
    /// # Errors
    ///
    /// When SQLite cannot open the file, switch its journal, or create the
    /// schema.
    pub fn open(path: &str) -> Result<Store, rusqlite::Error> {
        let connection = Connection::open(path)?;
        // `journal_mode` answers with the mode now in force: `memory` for an
        // in-memory database, which has no file to put a WAL beside.
        let _mode: String =
            connection.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        connection.execute_batch("PRAGMA synchronous = FULL;")?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS items (
                 id          INTEGER PRIMARY KEY AUTOINCREMENT,
                 name        TEXT    NOT NULL UNIQUE,
                 description TEXT    NOT NULL DEFAULT '',
                 version     INTEGER NOT NULL DEFAULT 1
             );",
        )?;
        Ok(Store {
            connection: Mutex::new(connection),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (each
        // statement is atomic), so a poisoned lock is still usable.
        self.connection
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// One page of items, by id, and the total count.
    ///
    /// # Errors
    ///
    /// A database failure.
    pub fn list(&self, page: u32, per_page: u32) -> Result<(Vec<Item>, u64), DemoError> {
        let connection = self.lock();
        let total = count(&connection)?;
        let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
        let mut statement = connection.prepare(
            "SELECT id, name, description, version FROM items ORDER BY id LIMIT ?1 OFFSET ?2",
        )?;
        let items = statement
            .query_map(params![per_page, offset], row_to_item)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((items, total))
    }

    /// Every item, in id order.
    ///
    /// # Errors
    ///
    /// A database failure.
    pub fn all(&self) -> Result<Vec<Item>, DemoError> {
        let connection = self.lock();
        let mut statement =
            connection.prepare("SELECT id, name, description, version FROM items ORDER BY id")?;
        let items = statement
            .query_map([], row_to_item)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(items)
    }

    /// One item.
    ///
    /// # Errors
    ///
    /// [`DemoError::ItemNotFound`], or a database failure.
    pub fn get(&self, id: i64) -> Result<Item, DemoError> {
        self.lock()
            .query_row(
                "SELECT id, name, description, version FROM items WHERE id = ?1",
                [id],
                row_to_item,
            )
            .optional()?
            .ok_or(DemoError::ItemNotFound(id))
    }

    /// Creates an item.
    ///
    /// # Errors
    ///
    /// [`DemoError::DuplicateName`] when the name is taken, or a database failure.
    pub fn create(&self, new: &NewItem) -> Result<Item, DemoError> {
        let connection = self.lock();
        connection
            .execute(
                "INSERT INTO items (name, description) VALUES (?1, ?2)",
                params![new.name, new.description],
            )
            .map_err(|error| duplicate_or(&connection, error, &new.name))?;
        let id = connection.last_insert_rowid();
        Ok(Item {
            id,
            name: new.name.clone(),
            description: new.description.clone(),
            version: 1,
        })
    }

    /// Replaces an item. With `if_match`, only when it matches the current
    /// ETag: checked and written under one lock, so no update is lost.
    ///
    /// # Errors
    ///
    /// [`DemoError::ItemNotFound`], [`DemoError::StaleItem`],
    /// [`DemoError::DuplicateName`], or a database failure.
    pub fn update(
        &self,
        id: i64,
        new: &NewItem,
        if_match: Option<&Precondition<'_>>,
    ) -> Result<Item, DemoError> {
        let connection = self.lock();
        let current = connection
            .query_row(
                "SELECT id, name, description, version FROM items WHERE id = ?1",
                [id],
                row_to_item,
            )
            .optional()?
            .ok_or(DemoError::ItemNotFound(id))?;
        if let Some(precondition) = if_match
            && !(precondition.matches)(&current.etag())
        {
            return Err(DemoError::StaleItem {
                id,
                given: precondition.given.to_owned(),
                current: current.etag(),
            });
        }
        connection
            .execute(
                "UPDATE items SET name = ?1, description = ?2, version = version + 1 WHERE id = ?3",
                params![new.name, new.description, id],
            )
            .map_err(|error| duplicate_or(&connection, error, &new.name))?;
        Ok(Item {
            id,
            name: new.name.clone(),
            description: new.description.clone(),
            version: current.version + 1,
        })
    }

    /// Deletes an item.
    ///
    /// # Errors
    ///
    /// [`DemoError::ItemNotFound`], or a database failure.
    pub fn delete(&self, id: i64) -> Result<(), DemoError> {
        match self
            .lock()
            .execute("DELETE FROM items WHERE id = ?1", [id])?
        {
            0 => Err(DemoError::ItemNotFound(id)),
            _ => Ok(()),
        }
    }

    /// The attachments of an item. The table was never created, so this fails
    /// with a real SQLite error: the demo's honest 500.
    ///
    /// # Errors
    ///
    /// Always, with the database error.
    pub fn attachments(&self, id: i64) -> Result<Vec<String>, DemoError> {
        let connection = self.lock();
        let mut statement =
            connection.prepare("SELECT file_name FROM attachments WHERE item_id = ?1")?;
        let names = statement
            .query_map([id], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(names)
    }

    /// How many items there are.
    ///
    /// # Errors
    ///
    /// A database failure.
    pub fn count(&self) -> Result<u64, DemoError> {
        count(&self.lock())
    }
}

fn count(connection: &Connection) -> Result<u64, DemoError> {
    let count: i64 = connection.query_row("SELECT COUNT(*) FROM items", [], |row| row.get(0))?;
    Ok(u64::try_from(count).unwrap_or_default())
}

fn row_to_item(row: &rusqlite::Row<'_>) -> rusqlite::Result<Item> {
    Ok(Item {
        id: row.get(0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        version: row.get(3)?,
    })
}

/// SQLite's UNIQUE constraint is the source of truth for duplicate names;
/// the item that holds the name is looked up for the problem.
fn duplicate_or(connection: &Connection, error: rusqlite::Error, name: &str) -> DemoError {
    match &error {
        rusqlite::Error::SqliteFailure(failure, _)
            if failure.code == ErrorCode::ConstraintViolation =>
        {
            let existing = connection.query_row(
                "SELECT id FROM items WHERE name = ?1",
                params![name],
                |row| row.get(0),
            );
            match existing {
                Ok(existing_id) => DemoError::DuplicateName {
                    name: name.to_owned(),
                    existing_id,
                },
                Err(lookup) => DemoError::Database(lookup),
            }
        }
        _ => DemoError::Database(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_database_is_wal_with_full_sync() {
        let path = std::env::temp_dir().join(format!(
            "status-store-{}-{:?}.db",
            std::process::id(),
            std::thread::current().id()
        ));
        let path_text = path.to_string_lossy().into_owned();
        let store = Store::open(&path_text).expect("a temporary database opens");
        let (mode, synchronous): (String, i64) = {
            let connection = store.lock();
            (
                connection
                    .query_row("PRAGMA journal_mode", [], |row| row.get(0))
                    .expect("journal_mode"),
                connection
                    .query_row("PRAGMA synchronous", [], |row| row.get(0))
                    .expect("synchronous"),
            )
        };
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path_text}{suffix}"));
        }
        assert_eq!(mode, "wal");
        assert_eq!(synchronous, 2, "FULL");
    }
}
