//! Feature `tonic`: the gRPC mapping in both directions, checked against
//! the spec file and code.proto's table, and what a derived error's
//! `tonic::Status` carries.

use status_core::{FrameworkError, FrameworkErrorKind, GrpcCode, HttpError, StatusCode};
use tonic::Code;
use tonic_types::StatusExt as _;

/// code.proto's "HTTP Mapping" comment for each code
/// (googleapis, `google/rpc/code.proto`).
const CODE_PROTO: [(Code, u16); 17] = [
    (Code::Ok, 200),
    (Code::Cancelled, 499),
    (Code::Unknown, 500),
    (Code::InvalidArgument, 400),
    (Code::DeadlineExceeded, 504),
    (Code::NotFound, 404),
    (Code::AlreadyExists, 409),
    (Code::PermissionDenied, 403),
    (Code::ResourceExhausted, 429),
    (Code::FailedPrecondition, 400),
    (Code::Aborted, 409),
    (Code::OutOfRange, 400),
    (Code::Unimplemented, 501),
    (Code::Internal, 500),
    (Code::Unavailable, 503),
    (Code::DataLoss, 500),
    (Code::Unauthenticated, 401),
];

/// The `grpc` key of every spec entry that has one, read from the file
/// itself, not through the macro.
fn spec_mappings() -> Vec<(u16, String)> {
    let spec: toml::Table = status_tests::spec_text().parse().expect("the spec is TOML");
    let codes = spec["code"].as_array().expect("[[code]] tables");
    codes
        .iter()
        .filter_map(|entry| {
            let grpc = entry.get("grpc")?.as_str()?.to_owned();
            let code = entry["code"].as_integer().expect("a code number");
            Some((u16::try_from(code).expect("a 3-digit code"), grpc))
        })
        .collect()
}

/// code.proto's name of a tonic code: `NOT_FOUND`.
fn proto_name(code: Code) -> &'static str {
    GrpcCode::from(code).as_str()
}

#[test]
fn every_spec_mapping_is_that_tonic_code() {
    let mappings = spec_mappings();
    assert_eq!(
        mappings.len(),
        12,
        "the spec maps twelve statuses: {mappings:?}"
    );
    for (number, grpc) in &mappings {
        let status = StatusCode::from_u16(*number).expect("a spec code");
        assert_eq!(proto_name(Code::from(status)), grpc, "{status}");
    }
}

#[test]
fn statuses_the_spec_does_not_map_are_unknown() {
    let mapped: Vec<u16> = spec_mappings().into_iter().map(|(code, _)| code).collect();
    for &status in StatusCode::ALL {
        if !mapped.contains(&status.as_u16()) {
            assert_eq!(Code::from(status), Code::Unknown, "{status}");
        }
    }
}

#[test]
fn every_tonic_code_is_code_proto_s_http_status() {
    for (code, http) in CODE_PROTO {
        assert_eq!(StatusCode::from(code).as_u16(), http, "{code:?}");
        assert_eq!(
            GrpcCode::from(code).http_status().as_u16(),
            http,
            "{code:?}"
        );
    }
}

#[test]
fn the_issue_s_table_holds() {
    // Issue 17's list, from code.proto's comments.
    let table = [
        (400, Code::InvalidArgument),
        (401, Code::Unauthenticated),
        (403, Code::PermissionDenied),
        (404, Code::NotFound),
        (409, Code::Aborted),
        (429, Code::ResourceExhausted),
        (499, Code::Cancelled),
        (500, Code::Internal),
        (501, Code::Unimplemented),
        (503, Code::Unavailable),
        (504, Code::DeadlineExceeded),
    ];
    for (http, code) in table {
        let status = StatusCode::from_u16(http).expect("a spec code");
        assert_eq!(Code::from(status), code, "{status}");
        assert_eq!(StatusCode::from(code), status, "{code:?}");
    }
}

#[test]
fn grpc_codes_and_tonic_codes_are_the_same_numbers() {
    for code in GrpcCode::ALL {
        let theirs = Code::from(code);
        assert_eq!(i32::from(theirs), code.as_i32());
        assert_eq!(GrpcCode::from(theirs), code);
    }
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http(
    grpc_domain = "shop.example.com",
    type_base = "https://shop.example.com/errors#"
)]
enum ShopError {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("connection to db-7.internal refused")]
    #[http(status = 503, retry_after = 30)]
    Database,
    #[error("stock for {0} is being recounted")]
    #[http(status = 409, grpc = FailedPrecondition, code = "stock.recount")]
    Recounting(&'static str),
    #[error("the warehouse leaked: {0}")]
    #[http(status = 500, expose)]
    Exposed(&'static str),
    #[error("sold out")]
    #[http(status = 418)]
    Teapot,
    #[error(transparent)]
    #[http(transparent)]
    Framework(#[from] FrameworkError),
}

#[test]
fn a_4xx_status_carries_the_display_text_and_error_info() {
    let status = tonic::Status::from(ShopError::ItemNotFound(7));
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "item 7 not found");
    let info = status.get_details_error_info().expect("an ErrorInfo");
    assert_eq!(info.reason, "ITEM_NOT_FOUND");
    assert_eq!(info.domain, "shop.example.com");
    assert!(info.metadata.is_empty());
    let help = status.get_details_help().expect("a Help link to the type");
    assert_eq!(help.links.len(), 1);
    assert_eq!(
        help.links[0].url,
        "https://shop.example.com/errors#item_not_found"
    );
    assert_eq!(help.links[0].description, "Not Found");
    assert!(status.get_details_retry_info().is_none());
}

#[test]
fn a_5xx_status_is_masked_exactly_as_the_problem_detail() {
    let error = ShopError::Database;
    let status = tonic::Status::from(ShopError::Database);
    assert_eq!(status.code(), Code::Unavailable);
    assert_eq!(status.message(), "Service Unavailable");
    assert_eq!(Some(status.message()), error.problem().detail.as_deref());
    let details = format!("{:?}", status.get_error_details());
    for leak in ["db-7", "refused", "ShopError", "Database"] {
        assert!(!status.message().contains(leak), "{leak}");
        assert!(!details.contains(leak), "{leak} in {details}");
    }
    let retry = status
        .get_details_retry_info()
        .expect("RetryInfo from Retry-After");
    assert_eq!(retry.retry_delay, Some(std::time::Duration::from_secs(30)));
    assert_eq!(
        status.get_details_error_info().expect("ErrorInfo").reason,
        "DATABASE"
    );
}

#[test]
fn an_exposed_5xx_shows_its_text_as_over_http() {
    let status = tonic::Status::from(ShopError::Exposed("roof"));
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "the warehouse leaked: roof");
}

#[test]
fn a_variant_overrides_the_code_and_the_reason_follows_aip_193() {
    let error = ShopError::Recounting("lamps");
    assert_eq!(error.grpc_code(), GrpcCode::FailedPrecondition);
    assert_eq!(error.status(), StatusCode::Conflict);
    let status = tonic::Status::from(error);
    assert_eq!(status.code(), Code::FailedPrecondition);
    let info = status.get_details_error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "STOCK_RECOUNT");
}

#[test]
fn a_status_without_a_mapping_is_unknown() {
    let status = tonic::Status::from(ShopError::Teapot);
    assert_eq!(status.code(), Code::Unknown);
    assert_eq!(status.message(), "sold out");
}

#[test]
fn a_transparent_variant_takes_the_inner_code_and_the_outer_domain() {
    let inner = || FrameworkError::new(FrameworkErrorKind::MalformedBody("expected `,`".into()));
    let status = tonic::Status::from(ShopError::from(inner()));
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(status.message(), "expected `,`");
    let info = status.get_details_error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "MALFORMED_BODY");
    assert_eq!(info.domain, "shop.example.com");
    // On its own, the framework error has no domain of its own.
    let alone = tonic::Status::from(inner());
    assert_eq!(
        alone.get_details_error_info().expect("ErrorInfo").domain,
        ""
    );
}

#[test]
fn the_problem_s_errors_become_bad_request_field_violations() {
    let error = FrameworkError::invalid_body([
        status_core::Violation::at(["tags", "1", "label"], "must be at most 20 characters"),
        status_core::Violation::at(["name"], "this member is required"),
    ]);
    let status = tonic::Status::from(ShopError::from(error));
    let bad_request = status.get_details_bad_request().expect("a BadRequest");
    let fields: Vec<(&str, &str)> = bad_request
        .field_violations
        .iter()
        .map(|field| (field.field.as_str(), field.description.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("#/tags/1/label", "must be at most 20 characters"),
            ("#/name", "this member is required"),
        ]
    );
    assert!(
        tonic::Status::from(ShopError::ItemNotFound(1))
            .get_details_bad_request()
            .is_none()
    );
}

#[test]
fn a_hand_written_error_goes_through_to_status() {
    #[derive(Debug, thiserror::Error)]
    #[error("the shop is closed until {0}")]
    struct Closed(&'static str);

    impl HttpError for Closed {
        fn status(&self) -> StatusCode {
            StatusCode::ServiceUnavailable
        }
        fn code(&self) -> &'static str {
            "closed"
        }
    }

    let status = status_core::tonic::to_status(&Closed("monday"));
    assert_eq!(status.code(), Code::Unavailable);
    assert_eq!(status.message(), "Service Unavailable");
    assert_eq!(
        status.get_details_error_info().expect("ErrorInfo").reason,
        "CLOSED"
    );
    assert!(
        status.get_details_help().is_none(),
        "about:blank is no help link"
    );
}

#[test]
fn a_struct_takes_the_keys_too() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("{0} already exists")]
    #[http(status = 409, grpc = AlreadyExists, grpc_domain = "shop.example.com")]
    struct Exists(&'static str);

    let status = tonic::Status::from(Exists("lamp"));
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(status.message(), "lamp already exists");
    let info = status.get_details_error_info().expect("ErrorInfo");
    assert_eq!(
        (info.reason.as_str(), info.domain.as_str()),
        ("EXISTS", "shop.example.com")
    );
}

#[test]
fn a_generic_error_converts_too() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Lookup<K: std::fmt::Display + std::fmt::Debug + 'static> {
        #[error("no entry for {0}")]
        #[http(status = 404, grpc = NotFound)]
        Missing(K),
    }

    let status = tonic::Status::from(Lookup::Missing("key"));
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "no entry for key");
}

// ---- the README's example ---------------------------------------------------

mod readme {
    use std::time::Duration;

    use status_core::HttpError;
    use tonic_types::StatusExt as _;

    #[derive(Debug, thiserror::Error, HttpError)]
    #[http(grpc_domain = "shop.example.com")]
    enum ShopError {
        #[error("item {0} not found")]
        #[http(status = NotFound, code = "item_not_found")]
        ItemNotFound(u64),
        #[error("item {0} is being restocked")]
        #[http(status = 409, grpc = FailedPrecondition, code = "restocking")]
        Restocking(u64),
        #[error("inventory database unreachable at 10.0.0.7:5432")]
        #[http(status = 503, retry_after = 5)]
        Unavailable,
    }

    // As in the README: a tonic method is async.
    #[allow(clippy::unused_async)]
    async fn get_item(
        request: tonic::Request<u64>,
    ) -> Result<tonic::Response<String>, tonic::Status> {
        match *request.get_ref() {
            1 => Ok(tonic::Response::new("desk lamp".to_owned())),
            2 => Err(ShopError::Restocking(2))?,
            3 => Err(ShopError::Unavailable)?,
            id => Err(ShopError::ItemNotFound(id))?,
        }
    }

    #[tokio::test]
    async fn the_readme_example_holds() {
        let status = tonic::Status::from(ShopError::ItemNotFound(7));
        assert_eq!(status.code(), tonic::Code::NotFound);
        assert_eq!(status.message(), "item 7 not found");
        let info = status.get_details_error_info().unwrap();
        assert_eq!(
            (info.reason.as_str(), info.domain.as_str()),
            ("ITEM_NOT_FOUND", "shop.example.com")
        );

        let status = tonic::Status::from(ShopError::Unavailable);
        assert_eq!(status.code(), tonic::Code::Unavailable);
        assert_eq!(status.message(), "Service Unavailable");
        assert_eq!(
            status.get_details_retry_info().unwrap().retry_delay,
            Some(Duration::from_secs(5))
        );

        assert_eq!(
            status_core::StatusCode::from(tonic::Code::DeadlineExceeded).as_u16(),
            504
        );

        let answers = [
            get_item(tonic::Request::new(1))
                .await
                .map(tonic::Response::into_inner),
            get_item(tonic::Request::new(2))
                .await
                .map(tonic::Response::into_inner),
        ];
        assert_eq!(answers[0].as_deref().ok(), Some("desk lamp"));
        let restocking = answers[1].as_ref().unwrap_err();
        assert_eq!(restocking.code(), tonic::Code::FailedPrecondition);
        assert_eq!(restocking.message(), "item 2 is being restocked");
    }
}
