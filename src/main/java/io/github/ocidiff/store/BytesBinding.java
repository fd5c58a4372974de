package io.github.ocidiff.store;

import java.sql.SQLException;
import java.sql.Types;
import org.jooq.BindingSetStatementContext;
import org.jooq.impl.DefaultBinding;
import org.jooq.impl.SQLDataType;

/**
 * Binds the store's binary columns (SHA-256 keys, compressed JSON) with {@code setBytes}. jOOQ binds
 * {@code byte[]} to H2 as a BLOB, which H2 writes to its LOB storage for every bound value: the
 * crawl's look-ups and inserts then cost disk writes several times the data. Public only because the
 * generated table classes name it (see the pom's forcedTypes).
 */
public final class BytesBinding extends DefaultBinding<byte[], byte[]> {

    public BytesBinding() {
        super(DefaultBinding.binding(SQLDataType.VARBINARY));
    }

    @Override
    public void set(BindingSetStatementContext<byte[]> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.VARBINARY);
        } else {
            ctx.statement().setBytes(ctx.index(), ctx.value());
        }
    }
}
