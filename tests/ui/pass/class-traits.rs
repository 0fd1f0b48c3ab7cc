use status_core::{
    ClientError, Informational, Redirection, ServerError, Status, StatusCode, Success, codes,
};

fn informational<S: Informational>(_: S) -> StatusCode {
    S::STATUS
}

fn success<S: Success>(_: S) -> StatusCode {
    S::STATUS
}

fn redirection<S: Redirection>(_: S) -> StatusCode {
    S::STATUS
}

fn client_error<S: ClientError>(_: S) -> StatusCode {
    S::STATUS
}

fn server_error<S: ServerError>(_: S) -> StatusCode {
    S::STATUS
}

fn code_of<S: Status>() -> u16 {
    const { S::STATUS.as_u16() }
}

const NOT_FOUND: u16 = <codes::NotFound as Status>::STATUS.as_u16();

fn main() {
    assert_eq!(informational(codes::Continue), StatusCode::Continue);
    assert_eq!(success(codes::Created), StatusCode::Created);
    assert_eq!(redirection(codes::SeeOther), StatusCode::SeeOther);
    assert_eq!(client_error(codes::NotFound), StatusCode::NotFound);
    assert_eq!(server_error(codes::BadGateway), StatusCode::BadGateway);
    assert_eq!(code_of::<codes::ImATeapot>(), 418);
    assert_eq!(NOT_FOUND, 404);
}
