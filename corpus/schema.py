"""The SQLite schema, as an ordered list of migrations.

Migration N brings a database from schema version N-1 to N. Never edit a released migration:
append a new one. `PRAGMA user_version` holds the version.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents, blocks, their analyses, stages, kept files, batches, minutes, TM, embeddings.
    """
    CREATE TABLE files (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        path TEXT NOT NULL,
        added TEXT NOT NULL
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source_name TEXT NOT NULL,
        source_path TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        media_type TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT,
        language TEXT NOT NULL DEFAULT 'und',
        session TEXT,
        city TEXT,
        date TEXT,
        author TEXT,
        created TEXT,
        modified TEXT,
        pages INTEGER,
        status TEXT NOT NULL,
        problems TEXT NOT NULL DEFAULT '[]',
        properties TEXT NOT NULL DEFAULT '{}',
        ingested TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX documents_source_name ON documents(source_name);
    CREATE INDEX documents_session ON documents(session);
    CREATE TABLE blocks (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'und',
        page INTEGER,
        paragraph INTEGER,
        level INTEGER,
        table_no INTEGER,
        row_no INTEGER,
        col_no INTEGER,
        list_label TEXT,
        needs_ocr INTEGER NOT NULL DEFAULT 0,
        ocr INTEGER NOT NULL DEFAULT 0,
        confidence REAL
    );
    CREATE UNIQUE INDEX blocks_order ON blocks(document_id, ord);
    CREATE TABLE translations (
        block_id TEXT NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        engine TEXT NOT NULL,
        model_version TEXT NOT NULL DEFAULT '',
        pivot TEXT,
        needs_review INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (block_id, language)
    );
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        block_id TEXT NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        normal TEXT NOT NULL,
        key TEXT NOT NULL
    );
    CREATE INDEX entities_key ON entities(key);
    CREATE INDEX entities_document ON entities(document_id);
    CREATE TABLE stages (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        version TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (document_id, stage)
    );
    CREATE TABLE batches (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        settings TEXT NOT NULL DEFAULT '{}',
        report TEXT
    );
    CREATE TABLE batch_files (
        batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        sha256 TEXT,
        document_id TEXT,
        outcome TEXT NOT NULL,
        reason TEXT,
        seconds REAL,
        PRIMARY KEY (batch_id, path)
    );
    CREATE TABLE sessions (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        number TEXT,
        date TEXT,
        place TEXT,
        chair TEXT,
        secretary TEXT,
        present TEXT NOT NULL DEFAULT '[]',
        present_count INTEGER,
        invited TEXT NOT NULL DEFAULT '[]',
        problems TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        number TEXT,
        title TEXT NOT NULL,
        block_ids TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE speeches (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        speaker TEXT NOT NULL,
        person_key TEXT,
        role TEXT,
        city TEXT,
        text TEXT NOT NULL DEFAULT '',
        block_ids TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        number TEXT,
        text TEXT NOT NULL,
        block_ids TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE votes (
        id INTEGER PRIMARY KEY,
        item_id INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
        decision_id INTEGER REFERENCES decisions(id) ON DELETE CASCADE,
        votes_for INTEGER,
        against INTEGER,
        abstained INTEGER,
        outcome TEXT,
        unanimous INTEGER NOT NULL DEFAULT 0,
        block_ids TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE translation_memory (
        source_hash TEXT NOT NULL,
        source_language TEXT NOT NULL,
        target_language TEXT NOT NULL,
        engine TEXT NOT NULL,
        model_version TEXT NOT NULL,
        source_text TEXT NOT NULL,
        target_text TEXT NOT NULL,
        approved INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL,
        PRIMARY KEY (source_hash, source_language, target_language, engine, model_version)
    );
    CREATE TABLE embeddings (
        block_id TEXT PRIMARY KEY REFERENCES blocks(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        dim INTEGER NOT NULL,
        vector BLOB NOT NULL
    );
    """,
    # 2: a document is marked indexed (stage "index") once the search index holds it, so a
    # crash between storing and indexing is caught up on the next run. Documents stored before
    # this version were indexed on save, so they are marked at index schema version 1.
    """
    INSERT OR IGNORE INTO stages(document_id, stage, version, updated)
        SELECT id, 'index', '1', updated FROM documents
    """,
    # 3: document lifecycle. A document superseded by a newer version points at it; a deleted
    # one carries the time it went to the trash (both stay readable until purged). The audit
    # log records every change made to a stored document: when, which command, old and new.
    """
    ALTER TABLE documents ADD COLUMN superseded_by TEXT;
    ALTER TABLE documents ADD COLUMN trashed TEXT;
    CREATE INDEX documents_source_path ON documents(source_path);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        document_id TEXT NOT NULL,
        command TEXT NOT NULL,
        old TEXT NOT NULL DEFAULT '{}',
        new TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 4: the collection a document was ingested under (`ingest --collection`), kept apart from
    # its session, which for minutes is the meeting they record ("2025-04-09 #12"). A document
    # stored with a label as its session has that label as its collection too.
    """
    ALTER TABLE documents ADD COLUMN collection TEXT;
    CREATE INDEX documents_collection ON documents(collection);
    UPDATE documents SET collection = session WHERE session IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM sessions s WHERE s.document_id = documents.id AND s.date IS NOT NULL
        AND documents.session = s.date || COALESCE(' #' || NULLIF(s.number, ''), ''));
    """,
    # 5: renditions: the same minutes in another format (a PDF of a DOCX), kept with the
    # document they render instead of being a document or a version of their own.
    """
    CREATE TABLE renditions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        source_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        source_path TEXT,
        added TEXT NOT NULL,
        PRIMARY KEY (document_id, sha256)
    );
    CREATE INDEX renditions_sha256 ON renditions(sha256);
    """,
    # 6: accounts of the web workspace (name, role, Argon2 hash of the password, interface
    # language; a disabled account keeps its name), their API tokens (kept as SHA-256 digests,
    # never as given), and each document's visibility: published (every reader), internal and
    # draft (editors and the secretariat). Documents stored before are published, as they were
    # readable by anyone who reached the web page. The audit log names the account that made a
    # change from the web page (none for the command line).
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password TEXT NOT NULL,
        ui TEXT,
        disabled TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE api_tokens (
        digest TEXT PRIMARY KEY,
        user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        created TEXT NOT NULL
    );
    ALTER TABLE documents ADD COLUMN visibility TEXT NOT NULL DEFAULT 'published';
    ALTER TABLE audit ADD COLUMN user TEXT;
    """,
    # 7: why a translation needs review (the quality checks' coded reasons, corpus/review.py).
    """
    ALTER TABLE translations ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';
    """,
    # 8: minutes as written: the part a speaker plays (chair, rapporteur, invited…), who was
    # absent, and each member's vote where the minutes list them (a roll call).
    """
    ALTER TABLE speeches ADD COLUMN capacity TEXT;
    ALTER TABLE sessions ADD COLUMN absent TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE member_votes (
        vote_id INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        member TEXT NOT NULL,
        person_key TEXT,
        choice TEXT NOT NULL,
        block_ids TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX member_votes_person ON member_votes(person_key);
    """,
    # 9: entity keys merged by hand (`sekretar entity merge KEEP ALIAS`): every mention stored
    # under the alias moves to the kept key, and so does every mention stored later.
    """
    CREATE TABLE entity_merges (
        alias TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 10: the body that met (which council, committee or commission), from the minutes' header.
    """
    ALTER TABLE sessions ADD COLUMN body TEXT;
    """,
    # 11: a block read in several windows keeps each window's vector (int8 rows) beside its
    # mean, so a question about one sentence of a long block meets the window that holds it.
    """
    ALTER TABLE embeddings ADD COLUMN windows BLOB NOT NULL DEFAULT x'';
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
